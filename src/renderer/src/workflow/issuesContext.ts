import { createContext, useContext } from 'react';
import { type DefinitionIssue, type PathSegment, issuesUnder } from './validation';

/** The draft's current problems, for every field to show its own next to it. */
export const IssuesContext = createContext<readonly DefinitionIssue[]>([]);

/** The first problem at this field or inside it (a chip list reports its items' problems). */
export function useFieldIssue(path: readonly PathSegment[]): DefinitionIssue | null {
  const issues = useContext(IssuesContext);
  return issuesUnder(issues, path)[0] ?? null;
}

/** How many problems sit anywhere under `path` (a stage, an action…). */
export function useIssueCount(path: readonly PathSegment[]): number {
  const issues = useContext(IssuesContext);
  return issuesUnder(issues, path).length;
}

/** The issues exactly at `path`, not inside it: a list's own problems ("needs a won stage"). */
export function useOwnIssues(path: readonly PathSegment[]): DefinitionIssue[] {
  const issues = useContext(IssuesContext);
  const key = path.join('.');
  return issues.filter((issue) => issue.path.join('.') === key);
}
