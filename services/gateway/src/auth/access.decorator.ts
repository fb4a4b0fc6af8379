import { SetMetadata } from '@nestjs/common';
import type { AccessRule } from '@kompeten/api';

// The access rule is part of each use case's declaration (@kompeten/api); the few routes that are
// not use cases (the live feed, the auditors' log access, the AsyncAPI document) declare it here.
export type { AccessRule };

export const ACCESS = 'kompeten:access';
export const Access = (rule: AccessRule) => SetMetadata(ACCESS, rule);
export const Public = () => SetMetadata(ACCESS, { roles: [], public: true } satisfies AccessRule);
