/** What a member row is read with: the person's name and address, and the plants the membership is limited to. */
export const memberInclude = {
  user: { select: { email: true, displayName: true } },
  plants: { select: { plantId: true } },
} as const;
