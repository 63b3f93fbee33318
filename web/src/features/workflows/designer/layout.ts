import type { WorkflowGraph, WorkflowLayout } from '../../../../../core/workflows/model';
import type { Point } from './graph';

/** Node box size and the gaps of the layered layout, in canvas units. */
export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 56;
export const COLUMN_GAP = 72;
export const ROW_GAP = 40;
export const MARGIN = 24;

/**
 * A layered layout, left to right: loops are broken where a depth-first walk from the start
 * meets a node still on its path (review → report, say), every node goes one column after its
 * furthest predecessor, and two sweeps order each column by the mean row of its predecessors,
 * which keeps edges from crossing in the processes centers draw.
 */
export function layeredLayout(graph: WorkflowGraph): Record<string, Point> {
  const ids = graph.nodes.map((node) => node.id);
  const known = new Set(ids);
  const successors = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (known.has(edge.from) && known.has(edge.to)) successors.get(edge.from)?.push(edge.to);
  }

  const backEdges = new Set<string>();
  const discovered: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    discovered.push(id);
    for (const next of successors.get(id) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') backEdges.add(`${id}>${next}`);
      else if (seen === undefined) visit(next);
    }
    state.set(id, 'done');
  };
  const start = graph.nodes.find((node) => node.type === 'start');
  if (start) visit(start.id);
  for (const id of ids) if (!state.has(id)) visit(id);

  const forward = (id: string) =>
    (successors.get(id) ?? []).filter((next) => !backEdges.has(`${id}>${next}`));
  const predecessors = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const next of forward(id)) predecessors.get(next)?.push(id);

  // Longest path from a source, over the acyclic part, in topological order (Kahn).
  const column = new Map<string, number>();
  const waiting = new Map(ids.map((id) => [id, predecessors.get(id)?.length ?? 0]));
  const ready = discovered.filter((id) => waiting.get(id) === 0);
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    const at = column.get(id) ?? 0;
    column.set(id, at);
    for (const next of forward(id)) {
      column.set(next, Math.max(column.get(next) ?? 0, at + 1));
      const left = (waiting.get(next) ?? 1) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }

  const columns: string[][] = [];
  for (const id of discovered) {
    const at = column.get(id) ?? 0;
    columns[at] = [...(columns[at] ?? []), id];
  }
  const row = new Map<string, number>();
  const number = () => {
    for (const members of columns) {
      members?.forEach((id, index) => {
        row.set(id, index);
      });
    }
  };
  number();
  for (let sweep = 0; sweep < 2; sweep += 1) {
    for (const members of columns.slice(1)) {
      if (!members) continue;
      const weight = (id: string) => {
        const rows = (predecessors.get(id) ?? []).map((from) => row.get(from) ?? 0);
        return rows.length === 0 ? (row.get(id) ?? 0) : rows.reduce((a, b) => a + b, 0) / rows.length;
      };
      members.sort((a, b) => weight(a) - weight(b));
      members.forEach((id, index) => {
        row.set(id, index);
      });
    }
  }

  const tallest = Math.max(1, ...columns.map((members) => members?.length ?? 0));
  const positions: Record<string, Point> = {};
  columns.forEach((members, at) => {
    const offset = ((tallest - members.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    members.forEach((id, index) => {
      positions[id] = {
        x: MARGIN + at * (NODE_WIDTH + COLUMN_GAP),
        y: MARGIN + offset + index * (NODE_HEIGHT + ROW_GAP),
      };
    });
  });
  return positions;
}

/** Every node's position: the one the admin left it at, or the layered layout's. */
export function completeLayout(graph: WorkflowGraph): WorkflowLayout {
  const saved = graph.layout ?? {};
  if (graph.nodes.every((node) => saved[node.id])) return saved;
  const auto = layeredLayout(graph);
  const layout: WorkflowLayout = {};
  for (const node of graph.nodes)
    layout[node.id] = saved[node.id] ?? auto[node.id] ?? { x: MARGIN, y: MARGIN };
  return layout;
}

/** Where a new step goes: beside the selected one, else below everything. */
export function placeForNew(layout: WorkflowLayout, beside: string | null): Point {
  const anchor = beside ? layout[beside] : undefined;
  const taken = Object.values(layout);
  const free = (point: Point) =>
    !taken.some(
      (other) => Math.abs(other.x - point.x) < NODE_WIDTH && Math.abs(other.y - point.y) < NODE_HEIGHT,
    );
  if (anchor) {
    for (let step = 0; step < 20; step += 1) {
      const candidate = {
        x: anchor.x + NODE_WIDTH + COLUMN_GAP,
        y: anchor.y + step * (NODE_HEIGHT + ROW_GAP),
      };
      if (free(candidate)) return candidate;
    }
  }
  const bottom = Math.max(MARGIN - NODE_HEIGHT - ROW_GAP, ...taken.map((point) => point.y));
  return { x: MARGIN, y: bottom + NODE_HEIGHT + ROW_GAP };
}

/** The canvas size that holds every node with a margin. */
export function canvasSize(layout: WorkflowLayout): { width: number; height: number } {
  const points = Object.values(layout);
  return {
    width: Math.max(640, ...points.map((point) => point.x + NODE_WIDTH + MARGIN)),
    height: Math.max(320, ...points.map((point) => point.y + NODE_HEIGHT + MARGIN)),
  };
}
