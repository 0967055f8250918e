import type { RepSummary } from '@shared/domain/types';
import { humanize, plural } from '../format/format';

type Group = 'treatment' | 'control' | 'none';

export type RepGroupsProps = {
  reps: RepSummary[];
  treatment: number[];
  control: number[];
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (treatment: number[], control: number[]) => void;
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const groupLabels: Record<Group, string> = { treatment: 'Treatment', control: 'Control', none: 'Not in it' };

/**
 * Who runs the change and who keeps working as before: every rep in one of the two groups or in
 * neither, never both; a team can be put in a group at once.
 */
export function RepGroups({ reps, treatment, control, invalid, describedBy, onChange }: RepGroupsProps) {
  const groupOf = (id: number): Group =>
    treatment.includes(id) ? 'treatment' : control.includes(id) ? 'control' : 'none';
  const assign = (ids: number[], group: Group) => {
    const moving = new Set(ids);
    const t = treatment.filter((id) => !moving.has(id));
    const c = control.filter((id) => !moving.has(id));
    if (group === 'treatment') t.push(...ids);
    if (group === 'control') c.push(...ids);
    onChange(t, c);
  };
  const teams = [...new Set(reps.map((r) => r.team ?? 'No team'))].sort(collator.compare);
  return (
    <div className="exp-reps" aria-invalid={invalid} aria-describedby={describedBy}>
      <div className="exp-reps-summary">
        <span className="exp-group-count exp-group-treatment">
          Treatment: {plural(treatment.length, 'rep')}
        </span>
        <span className="exp-group-count exp-group-control">Control: {plural(control.length, 'rep')}</span>
      </div>
      {teams.map((team) => {
        const members = reps
          .filter((r) => (r.team ?? 'No team') === team)
          .sort((a, b) => collator.compare(a.name, b.name));
        const ids = members.map((r) => r.id);
        return (
          <fieldset key={team} className="exp-reps-team">
            <legend>
              <span>{team}</span>
              <span className="exp-reps-team-actions">
                <button type="button" className="btn btn-small" onClick={() => assign(ids, 'treatment')}>
                  All in treatment
                </button>
                <button type="button" className="btn btn-small" onClick={() => assign(ids, 'control')}>
                  All in control
                </button>
              </span>
            </legend>
            <ul>
              {members.map((rep) => {
                const current = groupOf(rep.id);
                return (
                  <li key={rep.id} className="exp-rep">
                    <span className="exp-rep-name">
                      {rep.name} <span className="muted">· {humanize(rep.role)}</span>
                    </span>
                    <span className="segmented" role="group" aria-label={rep.name}>
                      {(['treatment', 'control', 'none'] as const).map((group) => (
                        <button
                          key={group}
                          type="button"
                          className={`segment exp-segment-${group}`}
                          aria-pressed={current === group}
                          onClick={() => assign([rep.id], group)}
                        >
                          {groupLabels[group]}
                        </button>
                      ))}
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
