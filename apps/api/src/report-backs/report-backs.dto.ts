import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class IssueReportBackDto {
  @ApiProperty({ example: '2017-09' }) @IsString() @Matches(PERIOD, { message: 'from must be a month, YYYY-MM' }) from!: string;
  @ApiProperty({ example: '2018-02' }) @IsString() @Matches(PERIOD, { message: 'to must be a month, YYYY-MM' }) to!: string;
  @ApiProperty({ example: 'Delrapport Sociala risker' }) @IsString() @MaxLength(300) title!: string;
  @ApiProperty({ example: 'Ku2017/01428/DISK' }) @IsString() @MaxLength(200) reference!: string;
}
