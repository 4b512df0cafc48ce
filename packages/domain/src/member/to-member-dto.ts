import type { TRole } from '@ingot/contracts';

export interface TMemberDto {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  roles: TRole[];
  /** Plants the member is limited to; empty means every plant. */
  plantIds: string[];
  createdAt: Date;
}

export function toMemberDto(row: {
  id: string;
  userId: string;
  roles: TRole[];
  createdAt: Date;
  user: { email: string; displayName: string };
  plants: { plantId: string }[];
}): TMemberDto {
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    displayName: row.user.displayName,
    roles: [...row.roles],
    plantIds: row.plants.map((p) => p.plantId).sort(),
    createdAt: row.createdAt,
  };
}
