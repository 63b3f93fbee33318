import { type MyCase, myCaseListSchema, type Role, userListSchema } from '../../../../core/api/index';
import { api, run } from './context';

/** Operational lists the server already shows: members by name, my cases. */

export interface Person {
  readonly id: string;
  readonly displayName: string;
  /** absent where a list was made without them */
  readonly roles?: readonly Role[];
}

/** Display names of the organization's members, by id (metadata the server already shows). */
export async function fetchPeople(): Promise<ReadonlyMap<string, Person>> {
  return run(async () => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return new Map(
      users.map((user) => [user.id, { id: user.id, displayName: user.displayName, roles: user.roles }]),
    );
  });
}

/** The cases where I hold a live key at the current epoch (mine, and those shared with me). */
export async function listCases(): Promise<readonly MyCase[]> {
  return run(async () => (await api.get('/api/cases', myCaseListSchema)).cases);
}
