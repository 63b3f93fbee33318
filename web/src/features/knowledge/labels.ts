import { KNOWLEDGE_WRITER_ROLES } from '../../../../core/api/index';
import type { I18n, MessageKey } from '../../lib/i18n';

const PROBLEMS: Readonly<Record<string, MessageKey>> = {
  'bad-signature': 'knowledge.problem.bad-signature',
  uncertified: 'knowledge.problem.uncertified',
  'wrong-key': 'knowledge.problem.wrong-key',
  tampered: 'knowledge.problem.tampered',
  malformed: 'knowledge.problem.malformed',
};

/** The sentence for why a version failed its checks (a crypto error code). */
export const problemLabel = (i18n: Pick<I18n, 't'>, problem: string) =>
  i18n.t(PROBLEMS[problem] ?? 'knowledge.problem.other');

/** A member's display name, or a neutral word when the directory lacks them. */
export const nameOf = (i18n: Pick<I18n, 't'>, people: ReadonlyMap<string, string>, userId: string) =>
  people.get(userId) ?? i18n.t('knowledge.someone');

/** Writers may write; the server checks the same roles. */
export const canWriteKnowledge = (roles: readonly string[]) =>
  roles.some((role) => (KNOWLEDGE_WRITER_ROLES as readonly string[]).includes(role));
