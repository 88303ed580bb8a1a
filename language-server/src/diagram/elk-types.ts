/** The parts of ELK's JSON graph format the layouts use (elkjs reads and writes these). */
import type { Point } from './diagram-graph.js';

export interface ElkLabel { text?: string; width?: number; height?: number; x?: number; y?: number; layoutOptions?: Record<string, string> }
export interface ElkSection { startPoint: Point; endPoint: Point; bendPoints?: Point[] }
export interface ElkEdge { id: string; sources: string[]; targets: string[]; labels?: ElkLabel[]; sections?: ElkSection[]; layoutOptions?: Record<string, string> }
export interface ElkPort { id: string; width?: number; height?: number; x?: number; y?: number; layoutOptions?: Record<string, string> }
export interface ElkNode {
    id: string;
    x?: number; y?: number; width?: number; height?: number;
    children?: ElkNode[];
    ports?: ElkPort[];
    edges?: ElkEdge[];
    labels?: ElkLabel[];
    layoutOptions?: Record<string, string>;
}
