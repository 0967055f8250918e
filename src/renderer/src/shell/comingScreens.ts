import type { IconName } from '../ui/Icon';

export type ComingScreen = {
  path: string;
  title: string;
  icon: IconName;
  /** The question the screen answers, in one sentence. */
  summary: string;
  /** What it will hold, from the product brief. */
  contents: string[];
  /** Who reaches for it first. */
  audience: string;
};

/** The areas of PRODUCT.md that this version does not show yet, with what each will hold. */
export const comingScreens: ComingScreen[] = [];
