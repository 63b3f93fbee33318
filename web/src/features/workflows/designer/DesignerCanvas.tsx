import { createMemo, createSignal, For, Show } from 'solid-js';
import type { WorkflowGraph, WorkflowLayout, WorkflowNode } from '../../../../../core/workflows/model';
import { useI18n } from '../../../lib/i18n';
import type { Point } from './graph';
import { canvasSize, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { useStepText } from './step-text';

const MOVE_STEP = 8;
const BIG_MOVE_STEP = 40;
const DRAG_THRESHOLD = 4;

type Gesture =
  | { kind: 'move'; id: string; from: Point; origin: Point; moved: boolean }
  | { kind: 'connect'; from: string; pointer: Point }
  | { kind: 'pan'; client: Point; scroll: Point };

/** A cubic curve from the right side of one box to the left side of another. */
function edgePath(from: Point, to: Point): string {
  const start = { x: from.x + NODE_WIDTH, y: from.y + NODE_HEIGHT / 2 };
  const end = { x: to.x, y: to.y + NODE_HEIGHT / 2 };
  const pull = Math.max(48, Math.abs(end.x - start.x) / 2);
  if (end.x > start.x) {
    return `M${start.x},${start.y} C${start.x + pull},${start.y} ${end.x - pull},${end.y} ${end.x},${end.y}`;
  }
  // A way back (review → report) loops under both boxes so it never hides one.
  const below = Math.max(start.y, end.y) + NODE_HEIGHT;
  return `M${start.x},${start.y} C${start.x + pull},${below} ${end.x - pull},${below} ${end.x},${end.y}`;
}

function midpoint(from: Point, to: Point): Point {
  const back = to.x <= from.x + NODE_WIDTH;
  return {
    x: (from.x + NODE_WIDTH + to.x) / 2,
    y: back ? Math.max(from.y, to.y) + NODE_HEIGHT * 1.2 : (from.y + to.y) / 2 + NODE_HEIGHT / 2 - 6,
  };
}

/**
 * The graph as SVG: boxes an admin drags, or moves with the arrow keys once focused; a port on
 * each box's right edge to drag a new edge from; connections chosen by click or Tab, removed
 * with Delete. Everything the pointer does here can also be done
 * from the property panel, so the canvas never is the only way.
 */
export function DesignerCanvas(props: {
  graph: WorkflowGraph;
  layout: WorkflowLayout;
  selected: string | null;
  faulty: ReadonlySet<string>;
  readOnly: boolean;
  zoom: number;
  onSelect: (id: string | null) => void;
  onMove: (id: string, to: Point) => void;
  onConnect: (from: string, to: string) => void;
  onRemove: (id: string) => void;
  selectedEdge: number | null;
  onSelectEdge: (index: number) => void;
  onRemoveEdge: (index: number) => void;
}) {
  const { t } = useI18n();
  const text = useStepText();
  const [gesture, setGesture] = createSignal<Gesture | null>(null);
  let svg: SVGSVGElement | undefined;

  const size = createMemo(() => canvasSize(props.layout));
  const at = (id: string): Point => props.layout[id] ?? { x: 0, y: 0 };
  const toCanvas = (event: PointerEvent): Point => {
    const box = svg?.getBoundingClientRect();
    return box
      ? { x: (event.clientX - box.left) / props.zoom, y: (event.clientY - box.top) / props.zoom }
      : { x: 0, y: 0 };
  };
  const nodeAt = (point: Point) =>
    props.graph.nodes.find((node) => {
      const place = at(node.id);
      return (
        point.x >= place.x &&
        point.x <= place.x + NODE_WIDTH &&
        point.y >= place.y &&
        point.y <= place.y + NODE_HEIGHT
      );
    });

  const startMove = (event: PointerEvent, node: WorkflowNode) => {
    if (event.button !== 0) return;
    // No text selection while dragging; focus moves to the step by hand instead.
    event.preventDefault();
    const box = event.currentTarget as SVGGElement;
    box.focus();
    props.onSelect(node.id);
    if (props.readOnly) return;
    box.setPointerCapture(event.pointerId);
    setGesture({ kind: 'move', id: node.id, from: toCanvas(event), origin: at(node.id), moved: false });
  };
  const startConnect = (event: PointerEvent, node: WorkflowNode) => {
    if (event.button !== 0 || props.readOnly) return;
    event.preventDefault();
    event.stopPropagation();
    svg?.setPointerCapture(event.pointerId);
    setGesture({ kind: 'connect', from: node.id, pointer: toCanvas(event) });
  };
  const onPointerMove = (event: PointerEvent) => {
    const current = gesture();
    if (!current) return;
    if (current.kind === 'pan') {
      const scroller = svg?.parentElement;
      if (scroller) {
        scroller.scrollLeft = current.scroll.x - (event.clientX - current.client.x);
        scroller.scrollTop = current.scroll.y - (event.clientY - current.client.y);
      }
      return;
    }
    const point = toCanvas(event);
    if (current.kind === 'connect') {
      setGesture({ ...current, pointer: point });
      return;
    }
    const dx = point.x - current.from.x;
    const dy = point.y - current.from.y;
    if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    setGesture({ ...current, moved: true });
    props.onMove(current.id, {
      x: Math.max(0, current.origin.x + dx),
      y: Math.max(0, current.origin.y + dy),
    });
  };
  const onPointerUp = (event: PointerEvent) => {
    const current = gesture();
    setGesture(null);
    if (current?.kind !== 'connect') return;
    const target = nodeAt(toCanvas(event));
    if (target && target.id !== current.from) props.onConnect(current.from, target.id);
  };

  const onKeyDown = (event: KeyboardEvent, node: WorkflowNode) => {
    const step = event.shiftKey ? BIG_MOVE_STEP : MOVE_STEP;
    const moves: Record<string, Point> = {
      ArrowLeft: { x: -step, y: 0 },
      ArrowRight: { x: step, y: 0 },
      ArrowUp: { x: 0, y: -step },
      ArrowDown: { x: 0, y: step },
    };
    const move = moves[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(node.id);
    } else if (move && !props.readOnly) {
      event.preventDefault();
      const place = at(node.id);
      props.onMove(node.id, { x: Math.max(0, place.x + move.x), y: Math.max(0, place.y + move.y) });
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !props.readOnly) {
      if (node.type === 'start') return;
      event.preventDefault();
      props.onRemove(node.id);
    }
  };

  const edgeName = (from: string, to: string) => {
    const name = (id: string) => {
      const node = props.graph.nodes.find((one) => one.id === id);
      return node ? text.nodeName(node) : id;
    };
    return t('workflowDesigner.edge.name', { from: name(from), to: name(to) });
  };
  const onEdgeKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelectEdge(index);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !props.readOnly) {
      event.preventDefault();
      props.onRemoveEdge(index);
    }
  };

  return (
    <svg
      ref={svg}
      class="wfd-canvas"
      width={size().width * props.zoom}
      height={size().height * props.zoom}
      viewBox={`0 0 ${size().width} ${size().height}`}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setGesture(null)}
      onPointerDown={(event) => {
        if (event.target !== svg || event.button !== 0) return;
        // The empty canvas pans the view, as on a map.
        props.onSelect(null);
        const scroller = svg.parentElement;
        svg.setPointerCapture(event.pointerId);
        setGesture({
          kind: 'pan',
          client: { x: event.clientX, y: event.clientY },
          scroll: { x: scroller?.scrollLeft ?? 0, y: scroller?.scrollTop ?? 0 },
        });
      }}
    >
      <title>{t('workflowDesigner.canvas')}</title>
      <defs>
        <marker
          id="wfd-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" class="wfd-arrowhead" />
        </marker>
      </defs>
      <g>
        <For each={props.graph.edges}>
          {(edge, index) => (
            <Show when={props.layout[edge.from] && props.layout[edge.to]}>
              {/* biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the group takes its role and keys */}
              <g
                class="wfd-connection"
                role="button"
                tabindex="0"
                aria-pressed={props.selectedEdge === index()}
                aria-label={edgeName(edge.from, edge.to)}
                onPointerDown={(event) => {
                  if (event.button !== 0) return;
                  event.preventDefault();
                  (event.currentTarget as SVGGElement).focus();
                  props.onSelectEdge(index());
                }}
                onKeyDown={(event) => onEdgeKeyDown(event, index())}
                onFocus={() => props.onSelectEdge(index())}
              >
                <path class="wfd-edge-hit" d={edgePath(at(edge.from), at(edge.to))} />
                <path
                  class="wfd-edge"
                  classList={{
                    'wfd-edge--conditional': edge.when !== undefined,
                    'wfd-edge--selected': props.selected === edge.from || props.selected === edge.to,
                    'wfd-edge--chosen': props.selectedEdge === index(),
                  }}
                  d={edgePath(at(edge.from), at(edge.to))}
                  marker-end="url(#wfd-arrow)"
                />
                <Show when={text.condition(edge.when)}>
                  {(summary) => (
                    <text
                      class="wfd-edge-label"
                      x={midpoint(at(edge.from), at(edge.to)).x}
                      y={midpoint(at(edge.from), at(edge.to)).y}
                      text-anchor="middle"
                    >
                      {summary()}
                    </text>
                  )}
                </Show>
              </g>
            </Show>
          )}
        </For>
        <Show
          when={gesture()?.kind === 'connect' ? (gesture() as Extract<Gesture, { kind: 'connect' }>) : null}
        >
          {(drawing) => (
            <line
              class="wfd-edge wfd-edge--drawing"
              x1={at(drawing().from).x + NODE_WIDTH}
              y1={at(drawing().from).y + NODE_HEIGHT / 2}
              x2={drawing().pointer.x}
              y2={drawing().pointer.y}
            />
          )}
        </Show>
      </g>
      <For each={props.graph.nodes}>
        {(node) => (
          // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the group takes its role and keys
          <g
            class={`wfd-node wfd-node--${node.type}`}
            classList={{
              'wfd-node--selected': props.selected === node.id,
              'wfd-node--faulty': props.faulty.has(node.id),
            }}
            transform={`translate(${at(node.id).x},${at(node.id).y})`}
            role="button"
            tabindex="0"
            aria-pressed={props.selected === node.id}
            aria-label={text.nodeName(node)}
            aria-invalid={props.faulty.has(node.id) || undefined}
            onPointerDown={(event) => startMove(event, node)}
            onKeyDown={(event) => onKeyDown(event, node)}
            onFocus={() => props.onSelect(node.id)}
          >
            <rect class="wfd-node__box" width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
            <text class="wfd-node__type" x="12" y="20">
              {text.typeName(node.type)}
            </text>
            <text class="wfd-node__label" x="12" y="40">
              {text.shortLabel(node)}
            </text>
            <Show when={props.faulty.has(node.id)}>
              <text class="wfd-node__warning" x={NODE_WIDTH - 22} y="20">
                !
              </text>
            </Show>
            <Show when={!props.readOnly && node.type !== 'end'}>
              <circle
                class="wfd-port"
                cx={NODE_WIDTH}
                cy={NODE_HEIGHT / 2}
                r="7"
                onPointerDown={(event) => startConnect(event, node)}
              >
                <title>{t('workflowDesigner.portHint')}</title>
              </circle>
            </Show>
          </g>
        )}
      </For>
    </svg>
  );
}
