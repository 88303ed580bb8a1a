/**
 * Where a system is hosted, as `region` spells it: `eu` or `eea` for "somewhere in the European
 * Economic Area", or an ISO 3166-1 alpha-2 country code in lower case, with `uk` accepted for `gb`.
 * Which countries have an EU adequacy decision changes with the Commission's decisions: that dated
 * list is in the standard library (`stdlib/adequacy.ts`) and reaches the rules through the estate.
 */

const COUNTRY_CODES: ReadonlySet<string> = new Set([
    'ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt',
    'bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh',
    'er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht',
    'hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls',
    'lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni',
    'nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg',
    'sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug',
    'um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw',
].join(' ').split(' '));

/** The 27 member states, Iceland, Liechtenstein and Norway: GDPR applies and data moves freely between them. */
const EEA_COUNTRIES: ReadonlySet<string> = new Set([
    'at', 'be', 'bg', 'hr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'gr', 'hu', 'ie', 'it', 'lv', 'lt', 'lu', 'mt', 'nl', 'pl', 'pt',
    'ro', 'sk', 'si', 'es', 'se', 'is', 'li', 'no'
]);

const GROUPS: ReadonlySet<string> = new Set(['eu', 'eea']);

/** `uk` is what people write; ISO says `gb`. */
export function canonicalRegion(region: string): string {
    const lower = region.toLowerCase();
    return lower === 'uk' ? 'gb' : lower;
}

export function isKnownRegion(region: string): boolean {
    const code = canonicalRegion(region);
    return GROUPS.has(code) || COUNTRY_CODES.has(code);
}

export function inEea(region: string): boolean {
    const code = canonicalRegion(region);
    return GROUPS.has(code) || EEA_COUNTRIES.has(code);
}

/** Every region `region` accepts, for completion and "did you mean". */
export const REGION_CODES: readonly string[] = [...GROUPS, 'uk', ...COUNTRY_CODES];
