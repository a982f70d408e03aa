/** Joins the class names that are set (a plain function, so server and client components can both call it). */
export function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}
