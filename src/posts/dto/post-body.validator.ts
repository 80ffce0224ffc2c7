import { IsTrimmedText } from '../../common/validation/trimmed-text';

export const MAX_BODY = 10_000;

/** 1-10,000 characters after trimming; whitespace alone is no argument. The stored body is left untouched. */
export function IsPostBody(): PropertyDecorator {
  return IsTrimmedText('body', MAX_BODY);
}
