import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ApiSchema({ name: 'CreateDebateRequest' })
export class CreateDebateDto {
  @ApiProperty({ minLength: 5, maxLength: 300, example: 'Can labels and watermarks on AI video be enforced?' })
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'question must be at least 5 characters' })
  @MaxLength(300)
  question: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** The sections the question is about; they also decide the article. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of sectionIds must be a UUID' })
  sectionIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the sections' article, else the first article." })
  @IsOptional()
  @IsUUID('all')
  articleId?: string;
}
