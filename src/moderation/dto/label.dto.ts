import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { LABEL_KINDS, LabelKind } from '../../posts/post-label';
import { IsTrimmedText } from './validators';

@ApiSchema({ name: 'SetLabelRequest' })
export class SetLabelDto {
  @ApiProperty({ enum: LABEL_KINDS })
  @IsIn(LABEL_KINDS, { message: `kind must be one of ${LABEL_KINDS.join(', ')}` })
  kind: LabelKind;

  /** Shown under the post to everyone: what is wrong with it, in a sentence. */
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('note', 1, 500)
  note: string;

  /** The evidence: a fact check, the original footage. */
  @ApiPropertyOptional({ format: 'uri', maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000, { message: 'sourceUrl must be at most 2000 characters' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'sourceUrl must be an http or https URL' },
  )
  sourceUrl?: string;

  /** For the log: why this label. */
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('reason', 1, 500)
  reason: string;
}

@ApiSchema({ name: 'RemoveLabelRequest' })
export class RemoveLabelDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('reason', 1, 500)
  reason: string;
}
