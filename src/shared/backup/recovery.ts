import type { EpochMs } from '../domain/types';
import type { BackupEntry } from './types';

/**
 * What the recovery screen shows when the workspace failed its start-up check: what is wrong,
 * and the backups that could replace it. Every listed backup was opened; the newest ones were
 * run through the full integrity check until one passed — that one is `latestGood`.
 */
export type RecoveryStatus = {
  /** The workspace file that is damaged. */
  path: string;
  /** What the start-up check found, in words. */
  problem: string;
  /** The backups folder beside the workspace. */
  folder: string;
  /** This workspace's backups, newest first; `check` is set on those given the full check. */
  backups: BackupEntry[];
  /** The newest backup that passed the full check, or null when none did. */
  latestGood: string | null;
  checkedAt: EpochMs;
};
