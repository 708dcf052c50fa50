import { rolePage } from '../role-page.ts';
import { definePageKind } from './define.ts';

/** Roles are listed by the permission matrix (`/roles/`), which has an index of its own. */
export const rolePages = definePageKind<'role'>({ page: rolePage });
