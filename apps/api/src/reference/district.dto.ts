import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AddDistrictDto {
  @ApiProperty({ example: '1480-01', description: 'stadens kod och ett tvåsiffrigt nummer' }) @IsString() @Matches(/^\d{4}-\d{2}$/, { message: 'code must be a city code and a two-digit number, e.g. 1480-01' }) code!: string;
  @ApiProperty({ example: 'Centrum' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
}
