/** To one decimal: how every figure the product shows is rounded (hours, weeks, months, ratios). */
export function roundToTenth(value: number): number {
    return Math.round(value * 10) / 10;
}

/** `part` of `whole` as a percentage to one decimal. */
export function percentToTenth(part: number, whole: number): number {
    return Math.round(part / whole * 1000) / 10;
}
