import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  type RubricCriterion,
  type TagTone,
  criterionKey,
  rubricConfigSchema,
  tagConfigSchema,
  tagTones,
} from '@shared/coaching/observation';
import type { ObservationOptions, ObservationTagOption } from '@shared/coaching/observationViews';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { sentence } from './fieldText';
import './observations.css';

type EditableCriterion = { key: string | null; label: string; anchors: string[] };
type EditableTag = { tag: string; tone: TagTone };

const toneLabels: Record<TagTone, string> = { positive: 'Good habit', negative: 'Gap', neutral: 'Neutral' };

/** Keys for new criteria come from their labels, never colliding with a kept one. */
function withKeys(criteria: readonly EditableCriterion[]): RubricCriterion[] {
  const taken = new Set(criteria.flatMap((c) => (c.key ? [c.key] : [])));
  return criteria.map((c) => {
    if (c.key) return { key: c.key, label: c.label, anchors: c.anchors as RubricCriterion['anchors'] };
    const base = criterionKey(c.label) || 'criterion';
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    return { key, label: c.label, anchors: c.anchors as RubricCriterion['anchors'] };
  });
}

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const issues = new Map<string, string>();
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}

export function ObservationSettingsPage() {
  const [loaded, setLoaded] = useState<ObservationOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.observations.options({}).then(
      (options) => current && setLoaded(options),
      (error: unknown) => current && setLoadError(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  return (
    <div className="page obs-settings-page">
      <Link to="/observations" className="back-link">
        <Icon name="back" size={14} />
        Observations
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-title">Rubric &amp; tags</h1>
          <p className="page-subtitle">
            What coaches score and tag in every observation. Renaming a criterion keeps its past scores.
          </p>
        </div>
      </header>
      {loadError && (
        <ErrorBanner
          title="The rubric and tags could not be loaded"
          message={loadError}
          onRetry={() => {
            setLoadError(null);
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {loaded && <SettingsEditor options={loaded} />}
    </div>
  );
}

function SettingsEditor({ options }: { options: ObservationOptions }) {
  const [criteria, setCriteria] = useState<EditableCriterion[]>(() =>
    options.rubric.criteria.map((c) => ({ key: c.key, label: c.label, anchors: [...c.anchors] })),
  );
  const [tags, setTags] = useState<EditableTag[]>(() =>
    options.tags.filter((t) => t.configured).map((t) => ({ tag: t.tag, tone: t.tone })),
  );
  const [newTag, setNewTag] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed' | 'saving'; message?: string } | null>(
    null,
  );

  const rubric = { criteria: withKeys(criteria) };
  const rubricCheck = rubricConfigSchema.safeParse(rubric);
  const tagCheck = tagConfigSchema.safeParse(tags);
  const rubricIssues = attempted ? issuesOf(rubricCheck) : new Map<string, string>();
  const tagIssues = attempted ? issuesOf(tagCheck) : new Map<string, string>();
  const uses = new Map(options.tags.map((t) => [t.tag.toLowerCase(), t.uses]));
  const chosen = new Set(tags.map((t) => t.tag.trim().toLowerCase()));
  const seenOnly: ObservationTagOption[] = options.tags.filter(
    (t) => !t.configured && !chosen.has(t.tag.toLowerCase()),
  );

  const editCriterion = (index: number, patch: Partial<EditableCriterion>) => {
    setStatus(null);
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  };
  const move = (index: number, by: -1 | 1) =>
    setCriteria((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const addTag = (tag: string, tone: TagTone = 'neutral') => {
    const text = tag.trim();
    if (text === '' || chosen.has(text.toLowerCase())) return;
    setStatus(null);
    setTags((list) => [...list, { tag: text, tone }]);
  };

  const save = async () => {
    setAttempted(true);
    if (!rubricCheck.success || !tagCheck.success) return;
    setStatus({ kind: 'saving' });
    try {
      const saved = await api.observations.saveSettings({ rubric: rubricCheck.data, tags: tagCheck.data });
      setCriteria(
        saved.rubric.criteria.map((c) => ({ key: c.key, label: c.label, anchors: [...c.anchors] })),
      );
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="rubric-heading">
        <div className="card-header">
          <h2 id="rubric-heading" className="card-title">
            Rubric
          </h2>
          <span className="card-subtitle">
            Each criterion is scored 1–5; the anchors say what each score looks like.
          </span>
        </div>
        <div className="card-body rubric-editor">
          {rubricIssues.get('criteria') && (
            <p className="field-issue">{sentence(rubricIssues.get('criteria')!)}</p>
          )}
          {criteria.length === 0 && (
            <EmptyState icon="scorecards" title="No criteria">
              Add at least one criterion for coaches to score.
            </EmptyState>
          )}
          {criteria.map((c, index) => (
            <fieldset key={c.key ?? `new-${index}`} className="criterion-editor">
              <legend className="visually-hidden">Criterion {index + 1}</legend>
              <div className="criterion-head">
                <label className="obs-field criterion-label">
                  <span className="field-label">Criterion {index + 1}</span>
                  <input
                    className="input"
                    value={c.label}
                    aria-invalid={rubricIssues.has(`criteria.${index}.label`) || undefined}
                    onChange={(event) => editCriterion(index, { label: event.target.value })}
                  />
                  {rubricIssues.get(`criteria.${index}.label`) && (
                    <span className="field-issue">
                      {sentence(rubricIssues.get(`criteria.${index}.label`)!)}
                    </span>
                  )}
                </label>
                <div className="criterion-tools">
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-label={`Move ${c.label || 'criterion'} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <Icon name="arrowUp" size={14} />
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-label={`Move ${c.label || 'criterion'} down`}
                    disabled={index === criteria.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <Icon name="arrowDown" size={14} />
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-label={`Remove ${c.label || 'criterion'}`}
                    onClick={() => setCriteria((list) => list.filter((_, i) => i !== index))}
                  >
                    <Icon name="trash" size={14} />
                  </button>
                </div>
              </div>
              <div className="anchor-grid">
                {c.anchors.map((anchor, a) => {
                  const issue = rubricIssues.get(`criteria.${index}.anchors.${a}`);
                  return (
                    <label key={a} className="obs-field">
                      <span className="field-label">Score {a + 1}</span>
                      <textarea
                        className="input"
                        rows={2}
                        value={anchor}
                        aria-invalid={issue ? true : undefined}
                        onChange={(event) =>
                          editCriterion(index, {
                            anchors: c.anchors.map((v, j) => (j === a ? event.target.value : v)),
                          })
                        }
                      />
                      {issue && <span className="field-issue">{sentence(issue)}</span>}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <div>
            <button
              type="button"
              className="btn btn-small"
              disabled={criteria.length >= 12}
              onClick={() =>
                setCriteria((list) => [...list, { key: null, label: '', anchors: ['', '', '', '', ''] }])
              }
            >
              <Icon name="plus" size={13} />
              Add criterion
            </button>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="tags-heading">
        <div className="card-header">
          <h2 id="tags-heading" className="card-title">
            Tags
          </h2>
          <span className="card-subtitle">Offered in the form; tags typed there join this list.</span>
        </div>
        <div className="card-body tag-editor">
          <ul className="tag-rows">
            {tags.map((t, index) => (
              <li key={index} className="tag-row">
                <input
                  className="input"
                  value={t.tag}
                  aria-label={`Tag ${index + 1}`}
                  aria-invalid={tagIssues.has(`${index}.tag`) || undefined}
                  onChange={(event) => {
                    setStatus(null);
                    setTags((list) =>
                      list.map((x, i) => (i === index ? { ...x, tag: event.target.value } : x)),
                    );
                  }}
                />
                <select
                  className="input"
                  value={t.tone}
                  aria-label={`Kind of tag ${index + 1}`}
                  onChange={(event) => {
                    setStatus(null);
                    setTags((list) =>
                      list.map((x, i) => (i === index ? { ...x, tone: event.target.value as TagTone } : x)),
                    );
                  }}
                >
                  {tagTones.map((tone) => (
                    <option key={tone} value={tone}>
                      {toneLabels[tone]}
                    </option>
                  ))}
                </select>
                <span className="muted tag-uses">{uses.get(t.tag.trim().toLowerCase()) ?? 0} uses</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove tag ${t.tag}`}
                  onClick={() => setTags((list) => list.filter((_, i) => i !== index))}
                >
                  <Icon name="trash" size={14} />
                </button>
                {tagIssues.get(`${index}.tag`) && (
                  <span className="field-issue">{sentence(tagIssues.get(`${index}.tag`)!)}</span>
                )}
              </li>
            ))}
          </ul>
          <div className="tag-add">
            <input
              className="input"
              value={newTag}
              placeholder="New tag"
              aria-label="New tag"
              onChange={(event) => setNewTag(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addTag(newTag);
                  setNewTag('');
                }
              }}
            />
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                addTag(newTag);
                setNewTag('');
              }}
            >
              <Icon name="plus" size={13} />
              Add tag
            </button>
          </div>
          {seenOnly.length > 0 && (
            <div className="tag-seen">
              <span className="field-label">Seen in observations, not in the list</span>
              <div className="tag-palette">
                {seenOnly.map((t) => (
                  <button
                    key={t.tag}
                    type="button"
                    className="tag-toggle tone-neutral"
                    onClick={() => addTag(t.tag)}
                  >
                    <Icon name="plus" size={11} /> {t.tag} <span className="muted">{t.uses}</span>
                  </button>
                ))}
              </div>
            </div>
          )}
        </div>
      </section>

      <div className="obs-actions-row settings-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void save()}
          disabled={status?.kind === 'saving'}
        >
          {status?.kind === 'saving' ? (
            <span className="spinner" aria-hidden="true" />
          ) : (
            <Icon name="check" size={14} />
          )}
          Save rubric &amp; tags
        </button>
        <span role="status" className={status?.kind === 'failed' ? 'field-issue' : 'muted'}>
          {status?.kind === 'saved'
            ? 'Saved. New observations use them now.'
            : status?.kind === 'failed'
              ? status.message
              : attempted && (!rubricCheck.success || !tagCheck.success)
                ? 'Fix the fields marked above to save.'
                : ''}
        </span>
      </div>
    </>
  );
}
