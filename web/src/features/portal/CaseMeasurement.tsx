import type { CaseFile } from '../../lib/cases';
import { CasePortalPanel } from './CasePortalPanel';
import { MeasuresCard } from './MeasuresCard';
import './portal.css';

/** What the case page mounts for measurement-based care: the score trend and the client portal. */
export function CaseMeasurement(props: { file: CaseFile; onChanged: () => void }) {
  return (
    <>
      <MeasuresCard records={props.file.records} />
      <CasePortalPanel
        caseId={props.file.summary.id}
        canWrite={props.file.summary.myPerm === 'write' && props.file.summary.status !== 'archived'}
        logSeq={props.file.summary.logSeq}
        onChanged={props.onChanged}
      />
    </>
  );
}
