import { type DefinitionView, definitionViewSchema } from '../../../../../core/api/workflows';
import type { WorkflowGraph } from '../../../../../core/workflows/model';
import { createApiClient } from '../../../lib/api-client';
import { toAppError } from '../../../lib/app-errors';

/** The designer's writes: a new draft version, edits to it, and publishing it. */
const api = createApiClient();

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

export const createDraftVersion = (
  key: string,
  name: string,
  graph: WorkflowGraph,
): Promise<DefinitionView> =>
  run(() => api.send('POST', '/api/workflows/definitions', { key, name, graph }, definitionViewSchema));

export const updateDraft = (id: string, name: string, graph: WorkflowGraph): Promise<DefinitionView> =>
  run(() => api.send('PUT', `/api/workflows/definitions/${id}`, { name, graph }, definitionViewSchema));
