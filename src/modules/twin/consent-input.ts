import { isUuid } from '../../common/ids';
import { userError, UserErrorCode, type UserError } from '../../common/user-error';
import { checkInstant, checkText, collect } from '../../common/validate';
import type { ConsentScope } from './consent';
import type { ConsentScopeInput } from './twin.types';

const SCOPE_CODE_LISTS = ['allowedMedia', 'allowedTerritories', 'allowedCategories', 'excludedCategories'] as const;

/** Codes are short storable words (a blank one would vanish), brand ids are ids, and consent ends at an instant we keep. */
export function checkScope(scope: ConsentScopeInput, field: string[]): UserError[] {
  const errors = SCOPE_CODE_LISTS.flatMap((list) => collect(...(scope[list] ?? []).map((code, i) => checkText(code, [...field, list, String(i)], 50))));
  (scope.excludedBrandIds ?? []).forEach((id, i) => {
    if (!isUuid(id.trim())) errors.push(userError(UserErrorCode.INVALID_INPUT, 'not a brand id', [...field, 'excludedBrandIds', String(i)]));
  });
  return errors.concat(collect(scope.consentEndsAt ? checkInstant(scope.consentEndsAt, [...field, 'consentEndsAt']) : null));
}

const codes = (values: string[] | null | undefined) => [...new Set((values ?? []).map((v) => v.trim().toUpperCase()).filter(Boolean))];

/** The scope an input describes, in the form it is stored and compared in. */
export function scopeOfInput(scope: ConsentScopeInput): Required<ConsentScope> {
  return {
    allowedMedia: codes(scope.allowedMedia),
    allowedTerritories: codes(scope.allowedTerritories),
    allowedCategories: codes(scope.allowedCategories),
    excludedCategories: codes(scope.excludedCategories),
    excludedBrandIds: [...new Set((scope.excludedBrandIds ?? []).map((id) => id.trim().toLowerCase()))],
    consentEndsAt: scope.consentEndsAt ?? null,
    approvalDelegatedToAgency: scope.approvalDelegatedToAgency ?? false,
  };
}
