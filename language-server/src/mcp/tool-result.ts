import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * A mistake in the arguments a tool was called with (an unknown name, a missing field). The SDK
 * turns a thrown error into an `isError` result carrying its message, so the assistant reads why
 * and the server keeps running.
 */
export class ToolInputError extends Error {}

/** Structured content for programs, and the same answer in a sentence or two for the assistant to read. */
export function toolResult(summary: string, structured: Record<string, unknown>, extra: CallToolResult['content'] = []): CallToolResult {
    return { content: [{ type: 'text', text: summary }, ...extra], structuredContent: structured };
}

/** "1 flow", "3 flows". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
    return `${n} ${n === 1 ? noun : plural}`;
}
