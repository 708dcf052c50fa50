import path from 'node:path';
import type { Check } from './context.ts';

/**
 * `edit-link`: system.yaml names the repository its pages link into for editing, and archsite
 * runs in a git repository (`gitTop`), but the content folder is not inside it: the "Edit
 * page" links may point at paths that repository does not have. Said once, at `repository`.
 */
export const checkEditLinks: Check = ({ model, root, systemLocate, diagnostics, gitTop }) => {
  const repository = model.system.data.repository;
  if (!gitTop || !repository) return;
  const inside = path.relative(gitTop, root.dir);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) return;
  const at = systemLocate.value(['repository']) ?? model.system.source.start;
  diagnostics.report(
    'edit-link',
    model.system.source.file,
    at,
    `the content folder is outside the git repository archsite runs in (${gitTop}): its pages' edit links into ${repository} may lead nowhere`,
  );
};
