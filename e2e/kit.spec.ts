import { expect, test, type Locator } from "@playwright/test";
import { newOwnerWithWorkspace } from "./helpers";

/** What a control looks like while focused: the computed outline and box-shadow. */
async function focusStyle(control: Locator) {
  return control.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      focusVisible: el.matches(":focus-visible"),
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}`,
      boxShadow: s.boxShadow,
    };
  });
}

/** Presses Tab until `control` has the focus (a keyboard user reaching it). */
async function tabTo(control: Locator) {
  const page = control.page();
  for (let i = 0; i < 80; i++) {
    if (await control.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("The control was not reached with Tab");
}

test("a textarea shows the same focus ring as an input, from the keyboard", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "kit-focus");
  await page.goto(`${url}/library`);
  const input = page.getByLabel("Name", { exact: true }).first();
  const textarea = page.getByLabel("…or paste its JSON");
  await expect(textarea).toBeVisible();

  await page.getByRole("heading", { level: 1 }).click();
  await tabTo(input);
  const inputStyle = await focusStyle(input);
  await tabTo(textarea);
  const textareaStyle = await focusStyle(textarea);

  expect(inputStyle.focusVisible).toBe(true);
  // The ring is there (a 2px brand outline and the brand edge), not just equal by both lacking it.
  expect(inputStyle.outline).toMatch(/^solid 2px rgb\(79, 70, 229\) 2px$/);
  expect(inputStyle.boxShadow).toContain("rgb(79, 70, 229)");
  expect(textareaStyle).toEqual(inputStyle);

  // Unfocused, the textarea has no ring: the style comes from the focus.
  await page.getByRole("heading", { level: 1 }).click();
  expect((await focusStyle(textarea)).boxShadow).not.toContain("rgb(79, 70, 229)");
});

test("a confirmation dialog holds the focus, closes on Escape and gives the focus back", async ({ page }) => {
  const { url, name } = await newOwnerWithWorkspace(page, "kit-dialog");
  await page.goto(`${url}/settings`);
  const trigger = page.getByRole("button", { name: `Leave ${name}` });
  await trigger.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("alertdialog", { name: `Leave ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("You lose access at once.");
  // The focus is inside, on the safe choice, and Tab does not leave the dialog.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  // Nothing happened: still on the settings page of the workspace.
  await expect(page).toHaveURL(`${url}/settings`);
});
