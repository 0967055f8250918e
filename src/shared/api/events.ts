/** What the engine tells the UI without being asked: progress of long tasks and data changes. */
export type EngineEvent =
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'changed'; what: string[] };
