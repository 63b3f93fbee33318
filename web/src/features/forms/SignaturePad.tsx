import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/**
 * A drawn signature (mouse, finger or pen through pointer events), kept as a PNG data URL in the
 * record's secret part. Typing a name is the keyboard way to sign: it is drawn into the same
 * canvas, so both give a picture of a signature and nothing else.
 */

const WIDTH = 600;
const HEIGHT = 200;
const INK = '#1b2a4a';

export interface SignaturePadProps {
  label: string;
  help: string | undefined;
  value: unknown;
  required: boolean;
  error: string | null;
  disabled: boolean;
  onChange: (value: string | null) => void;
}

export function SignaturePad(props: SignaturePadProps) {
  const { t } = useI18n();
  const id = createUniqueId();
  let canvas!: HTMLCanvasElement;
  const [drawing, setDrawing] = createSignal(false);
  const [typed, setTyped] = createSignal('');
  const signed = () => typeof props.value === 'string' && props.value !== '';

  const pen = () => {
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = INK;
    context.fillStyle = INK;
    return context;
  };
  const point = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * WIDTH) / box.width,
      y: ((event.clientY - box.top) * HEIGHT) / box.height,
    };
  };
  const blank = () => pen()?.clearRect(0, 0, WIDTH, HEIGHT);

  onMount(() => {
    if (!signed()) return;
    const image = new Image();
    image.onload = () => pen()?.drawImage(image, 0, 0, WIDTH, HEIGHT);
    image.src = props.value as string;
  });

  const start = (event: PointerEvent) => {
    if (props.disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const context = pen();
    if (!context) return;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.arc(x, y, 1, 0, Math.PI * 2);
    context.moveTo(x, y);
    setDrawing(true);
  };
  const move = (event: PointerEvent) => {
    if (!drawing()) return;
    const context = pen();
    if (!context) return;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const end = () => {
    if (!drawing()) return;
    setDrawing(false);
    setTyped('');
    props.onChange(canvas.toDataURL('image/png'));
  };
  const signByTyping = (name: string) => {
    setTyped(name);
    blank();
    const context = pen();
    if (!name.trim() || !context) {
      props.onChange(null);
      return;
    }
    context.font = 'italic 56px "Kaiti SC", KaiTi, STKaiti, "Brush Script MT", cursive, serif';
    context.textBaseline = 'middle';
    context.textAlign = 'center';
    context.fillText(name.trim(), WIDTH / 2, HEIGHT / 2, WIDTH - 40);
    props.onChange(canvas.toDataURL('image/png'));
  };
  const clear = () => {
    blank();
    setTyped('');
    props.onChange(null);
  };

  return (
    <fieldset class="fieldset signature" aria-invalid={props.error ? 'true' : undefined}>
      <legend class="fieldset__legend">{props.label}</legend>
      <canvas
        ref={canvas}
        class="signature__canvas"
        classList={{ 'signature__canvas--invalid': props.error !== null }}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={signed() ? t('form.signature.signed', { label: props.label }) : t('form.signature.area')}
        aria-describedby={`${id}-hint`}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <p class="field__hint" id={`${id}-hint`}>
        {props.help ?? t('form.signature.hint')}
      </p>
      <div class="signature__actions">
        <label class="signature__typed">
          <span>{t('form.signature.type')}</span>
          <input
            class="field__input"
            type="text"
            autocomplete="off"
            value={typed()}
            disabled={props.disabled}
            onInput={(event) => signByTyping(event.currentTarget.value)}
          />
        </label>
        <button type="button" class="button" onClick={clear} disabled={props.disabled || !signed()}>
          {t('form.signature.clear')}
        </button>
      </div>
      <Show when={props.error}>
        <span class="field__error" role="alert">
          {props.error}
        </span>
      </Show>
    </fieldset>
  );
}
