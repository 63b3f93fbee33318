import type {
  NodeType,
  WorkflowEdge,
  WorkflowGraph,
  WorkflowLayout,
  WorkflowNode,
} from '../../../../../core/workflows/model';

/**
 * The designer's edits to a workflow graph, as pure functions from one graph to the next: the
 * canvas, the palette and the property panel all change the graph through these, so undoing a
 * change or testing one needs no DOM.
 */

export interface Point {
  x: number;
  y: number;
}

/** The steps an admin adds from the palette, in the order it shows them. */
export const PALETTE_TYPES = [
  'form_task',
  'approval',
  'assignment',
  'notification',
  'timer',
  'key_delivery',
  'condition',
  'parallel_split',
  'parallel_join',
  'end',
] as const satisfies readonly NodeType[];
export type PaletteType = (typeof PALETTE_TYPES)[number];

/** The first free id of the form `<type>_<n>`; node ids are what edges and history refer to. */
export function freshNodeId(graph: WorkflowGraph, type: NodeType): string {
  const taken = new Set(graph.nodes.map((node) => node.id));
  for (let n = 1; ; n += 1) {
    const id = `${type}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new step with settings that pass validation, so only its wiring is left to do. */
export function newNode(graph: WorkflowGraph, type: PaletteType, label: string): WorkflowNode {
  const id = freshNodeId(graph, type);
  const assignee = { kind: 'role', role: 'director' } as const;
  switch (type) {
    case 'form_task':
    case 'approval':
    case 'assignment':
    case 'key_delivery':
      return { id, type, label, assignee, dueInHours: 48 };
    case 'notification':
      return { id, type, label, to: { kind: 'relation', relation: 'requester' } };
    case 'timer':
      return { id, type, label, waitMinutes: 60 };
    case 'condition':
      return { id, type, label };
    case 'parallel_split':
    case 'parallel_join':
    case 'end':
      return { id, type, label };
  }
}

export function addNode(graph: WorkflowGraph, node: WorkflowNode, at: Point): WorkflowGraph {
  return { ...graph, nodes: [...graph.nodes, node], layout: { ...graph.layout, [node.id]: at } };
}

/** Removes a step with every edge into or out of it; the start stays (a workflow needs one). */
export function removeNode(graph: WorkflowGraph, id: string): WorkflowGraph {
  if (graph.nodes.some((node) => node.id === id && node.type === 'start')) return graph;
  const layout: WorkflowLayout = { ...graph.layout };
  delete layout[id];
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => node.id !== id),
    edges: graph.edges.filter((edge) => edge.from !== id && edge.to !== id),
    layout,
  };
}

/** Replaces a step's settings; its id (what the edges refer to) stays. */
export function replaceNode(graph: WorkflowGraph, node: WorkflowNode): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((old) => (old.id === node.id ? node : old)) };
}

export function moveNode(graph: WorkflowGraph, id: string, to: Point): WorkflowGraph {
  return { ...graph, layout: { ...graph.layout, [id]: { x: Math.round(to.x), y: Math.round(to.y) } } };
}

export type ConnectRefusal = 'same_node' | 'exists' | 'from_end' | 'into_start' | 'unknown_node';

/** Why an edge from → to cannot be drawn, or null when it can. */
export function connectRefusal(graph: WorkflowGraph, from: string, to: string): ConnectRefusal | null {
  const source = graph.nodes.find((node) => node.id === from);
  const target = graph.nodes.find((node) => node.id === to);
  if (!source || !target) return 'unknown_node';
  if (from === to) return 'same_node';
  if (source.type === 'end') return 'from_end';
  if (target.type === 'start') return 'into_start';
  if (graph.edges.some((edge) => edge.from === from && edge.to === to)) return 'exists';
  return null;
}

/** Adds the edge from → to unless connectRefusal objects, in which case the graph is unchanged. */
export function connect(graph: WorkflowGraph, from: string, to: string): WorkflowGraph {
  if (connectRefusal(graph, from, to)) return graph;
  return { ...graph, edges: [...graph.edges, { from, to }] };
}

export function disconnect(graph: WorkflowGraph, edgeIndex: number): WorkflowGraph {
  return { ...graph, edges: graph.edges.filter((_, index) => index !== edgeIndex) };
}

/** Sets (or, with undefined, clears) the condition under which an edge is taken. */
export function setEdgeCondition(graph: WorkflowGraph, edgeIndex: number, when: unknown): WorkflowGraph {
  return {
    ...graph,
    edges: graph.edges.map((edge, index): WorkflowEdge => {
      if (index !== edgeIndex) return edge;
      const { when: _old, ...rest } = edge;
      return when === undefined ? rest : { ...rest, when };
    }),
  };
}

/** The edges leaving a node, with their index in the graph (what the edits above take). */
export function outgoingEdges(graph: WorkflowGraph, id: string): { edge: WorkflowEdge; index: number }[] {
  return graph.edges.flatMap((edge, index) => (edge.from === id ? [{ edge, index }] : []));
}
