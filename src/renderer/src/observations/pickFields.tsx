import { useState } from 'react';
import type { ObservationOptions } from '@shared/coaching/observationViews';
import { type ComboOption, Combobox } from './Combobox';

/** Options whose label matches the text: those starting with it (or a word starting with it) first. */
export function matching<T>(items: readonly T[], text: string, label: (item: T) => string): T[] {
  const query = text.trim().toLowerCase();
  if (query === '') return [...items];
  const rank = (item: T): number => {
    const name = label(item).toLowerCase();
    if (name.startsWith(query)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(query))) return 1;
    return name.includes(query) ? 2 : 3;
  };
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item);
}

type Rep = ObservationOptions['reps'][number];

export type RepFieldProps = {
  id: string;
  reps: readonly Rep[];
  repId: number | null;
  onPick: (repId: number | null) => void;
  /** Takes the focus when the form opens. */
  initialFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
};

/** The rep observed, by typing part of their name; clearing the box unsets it. */
export function RepField({ id, reps, repId, onPick, initialFocus, invalid, describedBy }: RepFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const chosen = reps.find((r) => r.id === repId);
  const options: ComboOption[] = matching(reps, text ?? '', (r) => r.name).map((r) => ({
    key: String(r.id),
    label: r.name,
    detail: [r.team, r.role].filter(Boolean).join(' · '),
  }));
  return (
    <Combobox
      id={id}
      text={text ?? chosen?.name ?? ''}
      onTextChange={setText}
      options={options}
      onPick={(option) => {
        setText(null);
        onPick(Number(option.key));
      }}
      onCommit={() => {
        if (text !== null && text.trim() === '') onPick(null);
        setText(null);
      }}
      emptyMessage="No rep matches."
      placeholder="Type a name"
      initialFocus={initialFocus}
      invalid={invalid}
      describedBy={describedBy}
    />
  );
}

export type CoachFieldProps = {
  id: string;
  coaches: readonly string[];
  value: string;
  onChange: (coach: string) => void;
  invalid?: boolean;
  describedBy?: string;
};

/** Who shadowed: any name, with the coaches seen before offered as the coach types. */
export function CoachField({ id, coaches, value, onChange, invalid, describedBy }: CoachFieldProps) {
  const options: ComboOption[] = matching(coaches, value, (c) => c)
    .filter((c) => c.toLowerCase() !== value.trim().toLowerCase())
    .map((c) => ({ key: c, label: c }));
  return (
    <Combobox
      id={id}
      text={value}
      onTextChange={onChange}
      options={options}
      onPick={(option) => onChange(option.key)}
      emptyMessage="A new coach: keep typing."
      placeholder="Your name"
      invalid={invalid}
      describedBy={describedBy}
    />
  );
}
