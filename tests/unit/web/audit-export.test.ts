import { describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../../core/api/index';
import { auditGenesisHead, nextAuditHead } from '../../../crypto/audit-log';
import { fromHex, toHex } from '../../../crypto/bytes';
import { auditExportCsv, auditExportJson } from '../../../web/src/lib/protocol/audit-export';

const ORG = '0b5e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const ACTOR = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

/** A real chain of three events, as the server stores them. */
function chain(): AuditEventView[] {
  const bodies = [
    { type: 'org.created', subject: ORG, details: { name: 'Clinic' } },
    { type: 'auth.login', subject: ACTOR, details: {} },
    { type: 'case.read', subject: '=HYPERLINK("x")', details: { note: 'a "quoted", line\nbreak' } },
  ];
  let head = auditGenesisHead(ORG);
  return bodies.map((body, i) => {
    const event = { seq: i + 1, at: 1_770_000_000_000 + i, actor: ACTOR, ...body };
    const prevHash = toHex(head);
    head = nextAuditHead(head, event);
    return { ...event, prevHash, hash: toHex(head) };
  });
}

const input = (events: AuditEventView[]) => ({
  orgId: ORG,
  exportedAt: 1_770_000_100_000,
  filter: { type: 'case.read' },
  events,
  checkpoints: [],
  names: new Map([[ACTOR, '=Wang, "Director"']]),
});

describe('audit export files', () => {
  it('lets anyone check each exported event on its own from its prevHash', () => {
    const document = JSON.parse(auditExportJson(input(chain().slice(2))));

    expect(document.filter).toEqual({ type: 'case.read' });
    const [event] = document.events;
    const { seq, at, actor, type, subject, details } = event;
    const recomputed = nextAuditHead(fromHex(event.prevHash), { seq, at, actor, type, subject, details });
    expect(toHex(recomputed)).toBe(event.hash);
    expect(event.actorName).toBe('=Wang, "Director"');
  });

  it('writes one quoted CSV row per event and defuses cells a spreadsheet would run', () => {
    const events = chain();
    const csv = auditExportCsv(input(events));
    const lines = csv.split('\r\n');

    expect(lines[0]).toBe('seq,time,actor,actor_name,type,subject,details,prev_hash,hash');
    expect(lines[1]).toContain(`,org.created,${ORG},`);
    expect(lines[1]?.endsWith(events[0]?.hash ?? 'missing')).toBe(true);
    expect(csv).toContain(`"'=Wang, ""Director"""`);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"{""note"":""a \\""quoted\\"", line\\nbreak""}"');
  });
});
