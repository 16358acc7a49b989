// Its own file, free of GraphQL, so that what only signs tokens (`npm run token`) loads no schema library;
// viewer.ts registers it as the GraphQL enum.
export enum Role {
  ADMIN = 'ADMIN',
  AGENCY = 'AGENCY',
  BRAND = 'BRAND',
  MODEL = 'MODEL',
  SYSTEM = 'SYSTEM',
}
