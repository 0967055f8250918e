import { plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { useIssueCount } from './issuesContext';
import type { PathSegment } from './validation';

export type ItemHeadProps = {
  index: number;
  title: string;
  /** The item in one sentence, as the evaluation reads it. */
  summary?: string;
  path: readonly PathSegment[];
  removeLabel: string;
  onRemove: () => void;
  removeDisabledReason?: string;
};

/** The top line of an action, criterion or handoff: its number, what it says, its problems, and its buttons. */
export function ItemHead({
  index,
  title,
  summary,
  path,
  removeLabel,
  onRemove,
  removeDisabledReason,
}: ItemHeadProps) {
  const problems = useIssueCount(path);
  return (
    <div className="wf-item-head">
      <span className="wf-item-index" aria-hidden="true">
        {index + 1}
      </span>
      <div className="wf-item-text">
        <span className="wf-item-title">{title}</span>
        {summary && <span className="wf-item-summary">{summary}</span>}
      </div>
      {problems > 0 && <span className="chip chip-bad wf-problem-chip">{plural(problems, 'problem')}</span>}
      <div className="wf-item-buttons">
        <button
          type="button"
          className="btn btn-small btn-ghost btn-icon wf-remove"
          aria-label={removeLabel}
          title={removeDisabledReason ?? removeLabel}
          disabled={removeDisabledReason !== undefined}
          onClick={onRemove}
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  );
}
