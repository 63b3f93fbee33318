import { useBeforeLeave } from '@solidjs/router';
import { createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { WorkflowGraph } from '../../../../../core/workflows/model';
import { errorMessageKey } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { type DefinitionView, publishDefinition } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { createDraftVersion, updateDraft } from './api';
import { DesignerCanvas } from './DesignerCanvas';
import { EdgePanel } from './EdgePanel';
import {
  addNode,
  connect,
  connectRefusal,
  disconnect,
  moveNode,
  newNode,
  type PaletteType,
  removeNode,
  replaceNode,
  setEdgeCondition,
} from './graph';
import { canRedo, canUndo, record, redo, startHistory, undo } from './history';
import { canvasSize, completeLayout, layeredLayout, placeForNew } from './layout';
import { Palette } from './Palette';
import { ProblemList, useProblemText } from './ProblemList';
import { designProblems, nodesWithProblems } from './problems';
import { StepPanel } from './StepPanel';
import { useStepText } from './step-text';

const MIN_ZOOM = 0.4;
const MAX_ZOOM = 1.5;
const ZOOM_STEP = 1.25;

/** One version of a process on the canvas, with its palette, property panel and problems. */
export function WorkflowEditor(props: {
  view: DefinitionView;
  hasDraft: boolean;
  onNotice: (message: string | null) => void;
  onStored: (version: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const text = useStepText();
  const [history, setHistory] = createSignal(
    startHistory<WorkflowGraph>({ ...props.view.graph, layout: completeLayout(props.view.graph) }),
  );
  const graph = () => history().present;
  const [name, setName] = createSignal(props.view.name);
  const [editing, setEditing] = createSignal(props.view.status === 'draft');
  const [draftId, setDraftId] = createSignal(props.view.status === 'draft' ? props.view.id : null);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [selectedEdge, setSelectedEdge] = createSignal<number | null>(null);
  const selectNode = (id: string | null) => {
    setSelected(id);
    setSelectedEdge(null);
  };
  const selectEdge = (index: number) => {
    setSelectedEdge(index);
    setSelected(null);
  };
  const [zoom, setZoom] = createSignal(1);
  const [dirty, setDirty] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [refusal, setRefusal] = createSignal<string | null>(null);

  useBeforeLeave((event) => {
    if (!dirty() || event.defaultPrevented) return;
    event.preventDefault();
    if (window.confirm(t('workflowDesigner.leaveUnsaved'))) event.retry(true);
  });

  const problems = createMemo(() => designProblems(graph()));
  const faulty = createMemo(() => nodesWithProblems(problems()));
  const describe = useProblemText(graph);
  const selectedNode = createMemo(() => graph().nodes.find((node) => node.id === selected()));
  const layout = createMemo(() => completeLayout(graph()));

  /** Every change to the graph goes through here, so each can be undone; `group` merges a burst. */
  const edit = (next: WorkflowGraph, group: string | null = null) => {
    setHistory((current) => record(current, next, group, Date.now()));
    setDirty(true);
    setRefusal(null);
    props.onNotice(null);
  };
  const add = (type: PaletteType) => {
    const node = newNode(graph(), type, text.typeName(type));
    edit(addNode(graph(), node, placeForNew(layout(), selected())));
    selectNode(node.id);
  };
  const tryConnect = (from: string, to: string) => {
    const why = connectRefusal(graph(), from, to);
    if (why) setRefusal(t(`workflowDesigner.refusal.${why}`));
    else edit(connect(graph(), from, to));
  };
  const remove = (id: string) => {
    edit(removeNode(graph(), id));
    selectNode(null);
  };
  const removeEdge = (index: number) => {
    edit(disconnect(graph(), index));
    selectNode(null);
  };
  const travel = (move: typeof undo) => {
    if (readOnly()) return;
    setHistory(move);
    setDirty(true);
    setRefusal(null);
    // What was chosen may be gone in the graph travelled to.
    if (!graph().nodes.some((node) => node.id === selected())) setSelected(null);
    if ((selectedEdge() ?? 0) >= graph().edges.length) setSelectedEdge(null);
  };
  const onShortcut = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    // A text field keeps its own undo of what is being typed.
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    travel(key === 'y' || event.shiftKey ? redo : undo);
  };
  onMount(() => document.addEventListener('keydown', onShortcut));
  onCleanup(() => document.removeEventListener('keydown', onShortcut));

  const store = async (): Promise<DefinitionView> => {
    const id = draftId();
    const stored = id
      ? await updateDraft(id, name(), graph())
      : await createDraftVersion(props.view.key, name(), graph());
    setDraftId(stored.id);
    setDirty(false);
    return stored;
  };
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    try {
      props.onNotice(await work());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const stored = await store();
      await props.onStored(stored.version);
      return t('workflowDesigner.saved', { version: stored.version });
    });
  const publish = () =>
    act(async () => {
      const stored = await store();
      await publishDefinition(stored.id);
      await props.onStored(stored.version);
      return t('workflowDesigner.published', { version: stored.version });
    });

  const readOnly = () => !editing() || busy();
  const zoomTo = (level: number) => setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, level)));
  let scroller: HTMLElement | undefined;
  /** The whole process in view, so no step hides beyond the scroll edge when the page opens. */
  const fitWidth = () => {
    const width = scroller?.clientWidth ?? 0;
    if (width > 0) zoomTo(Math.min(1, (width - 2) / canvasSize(layout()).width));
  };
  onMount(fitWidth);

  return (
    <div class="wfd-editor">
      <div class="page-header">
        <div>
          <h1>{name()}</h1>
          <p class="lead">
            {t('workflowDesigner.versionLabel', {
              version: props.view.version,
              status: t(`workflows.status.${props.view.status}`),
            })}
            {' · '}
            <code>{props.view.key}</code>
          </p>
        </div>
        <div class="wfd-actions">
          <Show
            when={editing()}
            fallback={
              <Show
                when={!props.hasDraft}
                fallback={<p class="muted">{t('workflowDesigner.draftExists')}</p>}
              >
                <button type="button" class="button button--primary" onClick={() => setEditing(true)}>
                  {t('workflowDesigner.editAsNew')}
                </button>
              </Show>
            }
          >
            <button
              type="button"
              class="button"
              disabled={busy() || problems().length > 0}
              onClick={() => void save()}
            >
              {t('workflowDesigner.save')}
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={busy() || problems().length > 0}
              onClick={() => void publish()}
            >
              {t('workflowDesigner.publish')}
            </button>
          </Show>
        </div>
      </div>
      <Show when={!editing()}>
        <Alert tone="info">{t('workflowDesigner.readOnly')}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={refusal()}>{(message) => <Alert tone="warning">{message()}</Alert>}</Show>

      <Show when={editing()}>
        <div class="field wfd-name">
          <label class="field__label" for="wfd-name">
            {t('workflowDesigner.name')}
          </label>
          <input
            id="wfd-name"
            class="field__input"
            value={name()}
            maxlength={120}
            disabled={busy()}
            onInput={(event) => {
              setName(event.currentTarget.value);
              setDirty(true);
            }}
          />
        </div>
      </Show>

      <div class="wfd-grid">
        <div class="wfd-main">
          <Show when={editing()}>
            <Palette onAdd={add} />
          </Show>
          <div class="wfd-toolbar" role="toolbar" aria-label={t('workflowDesigner.toolbar')}>
            <button type="button" class="button button--quiet" onClick={() => zoomTo(zoom() / ZOOM_STEP)}>
              {t('workflowDesigner.zoomOut')}
            </button>
            <span class="wfd-toolbar__zoom">{Math.round(zoom() * 100)}%</span>
            <button type="button" class="button button--quiet" onClick={() => zoomTo(zoom() * ZOOM_STEP)}>
              {t('workflowDesigner.zoomIn')}
            </button>
            <button type="button" class="button button--quiet" onClick={fitWidth}>
              {t('workflowDesigner.fit')}
            </button>
            <Show when={editing()}>
              <button
                type="button"
                class="button button--quiet"
                disabled={readOnly()}
                onClick={() => edit({ ...graph(), layout: layeredLayout(graph()) })}
              >
                {t('workflowDesigner.autoLayout')}
              </button>
              <button
                type="button"
                class="button button--quiet"
                disabled={readOnly() || !canUndo(history())}
                aria-keyshortcuts="Control+Z"
                onClick={() => travel(undo)}
              >
                {t('workflowDesigner.undo')}
              </button>
              <button
                type="button"
                class="button button--quiet"
                disabled={readOnly() || !canRedo(history())}
                aria-keyshortcuts="Control+Shift+Z"
                onClick={() => travel(redo)}
              >
                {t('workflowDesigner.redo')}
              </button>
            </Show>
          </div>
          <section ref={scroller} class="wfd-scroll" aria-label={t('workflowDesigner.canvas')}>
            <DesignerCanvas
              graph={graph()}
              layout={layout()}
              selected={selected()}
              faulty={faulty()}
              readOnly={readOnly()}
              zoom={zoom()}
              onSelect={selectNode}
              onMove={(id, to) => edit(moveNode(graph(), id, to), `move:${id}`)}
              onConnect={tryConnect}
              onRemove={remove}
              selectedEdge={selectedEdge()}
              onSelectEdge={selectEdge}
              onRemoveEdge={removeEdge}
            />
          </section>
          <p class="field__hint">{t('workflowDesigner.canvasHint')}</p>
          <ProblemList graph={graph()} problems={problems()} onSelect={selectNode} />
        </div>
        <Show
          when={selectedNode()}
          keyed={false}
          fallback={
            <Show
              when={selectedEdge() !== null}
              fallback={
                <section class="card wfd-panel">
                  <p class="muted">{t('workflowDesigner.panel.empty')}</p>
                </section>
              }
            >
              <EdgePanel
                graph={graph()}
                edgeIndex={selectedEdge() ?? 0}
                readOnly={readOnly()}
                onCondition={(edgeIndex, when) =>
                  edit(setEdgeCondition(graph(), edgeIndex, when), `edge:${edgeIndex}`)
                }
                onRemove={() => removeEdge(selectedEdge() ?? 0)}
              />
            </Show>
          }
        >
          {(node) => (
            <StepPanel
              graph={graph()}
              node={node()}
              readOnly={readOnly()}
              problems={problems()
                .filter((problem) => problem.nodeId === node().id)
                .map(describe)}
              onChange={(next) => edit(replaceNode(graph(), next), `node:${next.id}`)}
              onRemove={() => remove(node().id)}
              onConnect={(to) => tryConnect(node().id, to)}
              onDisconnect={(index) => edit(disconnect(graph(), index))}
              onCondition={(index, when) => edit(setEdgeCondition(graph(), index, when), `edge:${index}`)}
            />
          )}
        </Show>
      </div>
    </div>
  );
}
