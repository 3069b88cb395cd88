import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@lagesbild/auth';

export class SignInConfigResponse {
  @ApiProperty({ enum: ['embedded', 'oidc'], description: 'embedded: the demo users below; oidc: authorization code with PKCE' })
  mode!: string;

  @ApiPropertyOptional({ example: 'https://login.example.se/realms/lagesbild', description: 'oidc only' })
  issuer?: string;

  @ApiPropertyOptional({ example: 'lagesbild', description: 'oidc only' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'openid profile', description: 'oidc only' })
  scope?: string;
}

export class DemoUserResponse {
  @ApiProperty({ example: 'anna' })
  id!: string;

  @ApiProperty({ example: 'Anna Analytiker' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiProperty({ example: '20' })
  org!: string;
}

export class DemoUserListResponse {
  @ApiProperty({ type: () => [DemoUserResponse] })
  items!: DemoUserResponse[];
}

export class DemoTokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9.…' })
  token!: string;

  @ApiProperty({ type: () => DemoUserResponse })
  user!: DemoUserResponse;
}
