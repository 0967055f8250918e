import { createContext, useContext } from 'react';
import type { WorkspaceInfo } from '@shared/domain/types';
import type { ApiQuery } from '../data/useApiQuery';

/** The workspace facts every screen may show (file, counts, freshness), loaded once by the shell. */
export const WorkspaceContext = createContext<ApiQuery<WorkspaceInfo> | null>(null);

export function useWorkspace(): ApiQuery<WorkspaceInfo> {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs the app shell around it');
  return workspace;
}

/** True when the workspace holds no deals and no reps yet. */
export function isEmptyWorkspace(info: WorkspaceInfo): boolean {
  return info.counts.deals === 0 && info.counts.reps === 0;
}
