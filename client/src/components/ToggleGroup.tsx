/** One choice of a few (which part of a list, which order): toggle buttons, the pressed one is the choice. */
export function ToggleGroup<Value extends string>({
  label,
  values,
  value,
  onChange,
  text,
  className = 'row',
}: {
  label: string;
  values: readonly Value[];
  value: NoInfer<Value>;
  onChange(value: NoInfer<Value>): void;
  text(value: NoInfer<Value>): string;
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={className}>
      {values.map((option) => (
        <button
          key={option}
          type="button"
          className="secondary"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
        >
          {text(option)}
        </button>
      ))}
    </div>
  );
}
