// PDF helpers live in documents/; re-exported here until the domain index lists that folder.
export * from '../documents/index.ts';
