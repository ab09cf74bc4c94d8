/** The tool versions the Makefile and the Dockerfiles pin (the lock's resolvers and installers). */
export const toolVersions = { uvVersion: '0.13.9', poetryVersion: '2.5.1', cyclonedxVersion: '7.5.0' } as const;
