import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ITEM_TYPES, type ItemType } from '@lagesbild/domain';

const ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/** An area's or an item's stable id and its labels. */
class LabelledDto {
  @ApiProperty({ example: 'social-risk.level' })
  @Matches(ID, { message: 'id must be lower-case letters, digits, dots and dashes' })
  id!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  label!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  labelEn?: string;
}

export class TemplateItemDto extends LabelledDto {
  @ApiProperty({ enum: ITEM_TYPES })
  @IsIn(ITEM_TYPES)
  type!: ItemType;
}

export class TemplateAreaDto extends LabelledDto {
  @ApiProperty({ type: [TemplateItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemDto)
  items!: TemplateItemDto[];
}

export class PublishTemplateDto {
  @ApiProperty({ type: [TemplateAreaDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TemplateAreaDto)
  areas!: TemplateAreaDto[];

  @ApiProperty({ example: 'Ny fråga om otrygga platser' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  changeNote!: string;
}
