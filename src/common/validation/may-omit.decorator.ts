import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when sent it must be valid. Unlike @IsOptional, `null` is validated (and so refused
 * by the type check): for fields a change may omit but never clear.
 */
export const MayOmit = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
