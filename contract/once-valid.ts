/**
 * For a refinement across an object's fields: run it once the value is an object and the fields
 * it reads are valid, whatever the others are. By default zod skips an object's refinements when
 * any field failed, so a 400 would name those fields and only the next try this rule's.
 */
export const onceValid = (...keys: string[]) => ({
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => {
      const key = issue.path?.[0];
      return key === undefined || keys.includes(key as string);
    }),
});
