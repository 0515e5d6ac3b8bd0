/** The values a setting can take, shared by the stored settings and the managed policy. */
export const DENSITIES = ['compact', 'standard', 'detailed'] as const;
export type Density = (typeof DENSITIES)[number];
