import { useState } from 'react';
import { normalizeTag } from '@shared/coaching/observation';
import type { ObservationTagOption } from '@shared/coaching/observationViews';
import { Icon } from '../ui/Icon';
import { type ComboOption, Combobox } from './Combobox';

export type TagsFieldProps = {
  id: string;
  tags: readonly string[];
  options: readonly ObservationTagOption[];
  onChange: (tags: string[]) => void;
  describedBy?: string;
};

const ADD_PREFIX = 'add:';

/** The tone a tag is shown in: the workspace's list decides, unknown tags are neutral. */
export function toneOf(tag: string, options: readonly ObservationTagOption[]): string {
  return options.find((o) => o.tag.toLowerCase() === tag.toLowerCase())?.tone ?? 'neutral';
}

/**
 * Tags for what the coach saw: type to find one (Enter or Tab takes it), or type a new one and
 * press Enter to add it to the workspace's list; Backspace in the empty box removes the last.
 */
export function TagsField({ id, tags, options, onChange, describedBy }: TagsFieldProps) {
  const [text, setText] = useState('');
  const chosen = new Set(tags.map((t) => t.toLowerCase()));
  const typed = normalizeTag(text);
  const folded = typed.toLowerCase();
  const matches = options
    .filter((o) => !chosen.has(o.tag.toLowerCase()) && o.tag.toLowerCase().includes(folded))
    .sort(
      (a, b) =>
        Number(!a.tag.toLowerCase().startsWith(folded)) - Number(!b.tag.toLowerCase().startsWith(folded)),
    );
  const exact = options.some((o) => o.tag.toLowerCase() === folded) || chosen.has(folded);
  const comboOptions: ComboOption[] = [
    ...matches.map((o) => ({
      key: o.tag,
      label: o.tag,
      detail: o.uses > 0 ? `${o.uses} ${o.uses === 1 ? 'use' : 'uses'}` : undefined,
    })),
    ...(typed !== '' && !exact
      ? [{ key: `${ADD_PREFIX}${typed}`, label: `Add “${typed}”`, detail: 'new tag' }]
      : []),
  ];

  const add = (tag: string) => {
    if (!chosen.has(tag.toLowerCase())) onChange([...tags, tag]);
    setText('');
  };
  const toggle = (tag: string) =>
    chosen.has(tag.toLowerCase())
      ? onChange(tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()))
      : onChange([...tags, tag]);

  return (
    <div className="tags-field">
      <div className="tags-entry">
        {tags.length > 0 && (
          <ul className="tag-chips" aria-label="Chosen tags">
            {tags.map((tag) => (
              <li key={tag} className={`tag-chip tone-${toneOf(tag, options)}`}>
                {tag}
                <button
                  type="button"
                  className="tag-chip-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((t) => t !== tag))}
                >
                  <Icon name="close" size={11} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <Combobox
          id={id}
          className="tags-combo"
          text={text}
          onTextChange={setText}
          options={comboOptions}
          onPick={(option) =>
            add(option.key.startsWith(ADD_PREFIX) ? option.key.slice(ADD_PREFIX.length) : option.key)
          }
          emptyMessage="Every tag is chosen. Type a new one."
          placeholder={tags.length === 0 ? 'Type a tag, or ↓ for all' : 'Add another…'}
          describedBy={describedBy}
          onKeyDown={(event) => {
            if (event.key === 'Backspace' && text === '' && tags.length > 0) {
              event.preventDefault();
              onChange(tags.slice(0, -1));
            }
          }}
        />
      </div>
      <div className="tag-palette" aria-hidden="true">
        {options
          .filter((o) => o.configured)
          .map((o) => (
            <button
              key={o.tag}
              type="button"
              tabIndex={-1}
              className={`tag-toggle tone-${o.tone}${chosen.has(o.tag.toLowerCase()) ? ' on' : ''}`}
              onClick={() => toggle(o.tag)}
            >
              {o.tag}
            </button>
          ))}
      </div>
    </div>
  );
}
