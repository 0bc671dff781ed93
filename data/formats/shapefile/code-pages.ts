import { normaliseEncoding } from '../encoding/detect.ts';

/**
 * Upper halves (bytes 0x80-0xFF) of the DOS code pages that old DBF files declare and TextDecoder
 * does not know (generated from Python's codecs; U+FFFD where the code page has no character).
 */
const DOS_CODE_PAGES: Record<string, string> = {
  cp437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ',
  cp737: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψ░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀ωάέήϊίόύϋώΆΈΉΊΌΎΏ±≥≤ΪΫ÷≈°∙·√ⁿ²■ ',
  cp850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´­±‗¾¶§÷¸°¨·¹³²■ ',
  cp852: 'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´­˝˛ˇ˘§÷¸°¨˙űŘř■ ',
  cp857: 'ÇüéâäàåçêëèïîıÄÅÉæÆôöòûùİÖÜø£ØŞşáíóúñÑĞğ¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ºªÊËÈ�ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµ�×ÚÛÙìÿ¯´­±�¾¶§÷¸°¨·¹³²■ ',
  cp860: 'ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧ÓáíóúñÑªº¿Ò¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ',
  cp861: 'ÇüéâäàåçêëèÐðÞÄÅÉæÆôöþûÝýÖÜø£Ø₧ƒáíóúÁÍÓÚ¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ',
  cp863: 'ÇüéâÂà¶çêëèïî‗À§ÉÈÊôËÏûù¤ÔÜ¢£ÙÛƒ¦´óú¨¸³¯Î⌐¬½¼¾«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ',
  cp865: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ',
};

/**
 * DBF language driver ids (header byte 29) and the encoding each declares, after the table ESRI
 * publishes and GDAL uses. 0x57 is "current ANSI code page", taken as Windows-1252.
 */
const LDID_GROUPS: [string, number[]][] = [
  ['cp437', [0x01, 0x09, 0x0b, 0x0d, 0x0f, 0x11, 0x15, 0x18, 0x19, 0x1b]],
  ['cp850', [0x02, 0x0a, 0x0e, 0x10, 0x12, 0x14, 0x16, 0x1a, 0x1d, 0x25, 0x37]],
  ['cp852', [0x1f, 0x22, 0x23, 0x40, 0x64, 0x87]],
  ['cp865', [0x08, 0x17, 0x66]],
  ['cp860', [0x24]],
  ['cp861', [0x67]],
  ['cp863', [0x1c, 0x6c]],
  ['cp737', [0x6a, 0x86]],
  ['cp857', [0x6b, 0x88]],
  ['ibm866', [0x26, 0x65]],
  ['windows-1252', [0x03, 0x57, 0x58, 0x59]],
  ['windows-1250', [0xc8]],
  ['windows-1251', [0xc9]],
  ['windows-1254', [0xca]],
  ['windows-1253', [0xcb]],
  ['windows-1257', [0xcc]],
  ['windows-874', [0x50, 0x7c]],
  ['gbk', [0x4d, 0x7a]],
  ['big5', [0x4f, 0x78]],
  ['shift_jis', [0x13, 0x7b]],
  ['euc-kr', [0x4e, 0x79]],
  ['macintosh', [0x04]],
  ['x-mac-cyrillic', [0x96]],
];
const LDID = new Map(LDID_GROUPS.flatMap(([encoding, ids]) => ids.map((id) => [id, encoding] as const)));

/** The encoding a DBF language driver id declares, or null for 0 (none) and ids we do not know. */
export function encodingOfLdid(ldid: number): string | null {
  return LDID.get(ldid) ?? null;
}

/**
 * An encoding name (user, .cpg or LDID) as a label `decoderFor` takes: a TextDecoder label, or one
 * of the DOS code pages 'cp437', 'cp850', 'cp852', ... Null when it is not an encoding we can decode.
 */
export function resolveEncoding(name: string): string | null {
  const dos = /^(?:cp|ibm|dos-?|oem\s*)?(\d{3})$/i.exec(name.trim());
  if (dos && `cp${dos[1]}` in DOS_CODE_PAGES) return `cp${dos[1]}`;
  return normaliseEncoding(name);
}

/** A function that decodes bytes in `label` (from `resolveEncoding`); malformed bytes become U+FFFD. */
export function decoderFor(label: string): (bytes: Uint8Array) => string {
  const table = DOS_CODE_PAGES[label];
  if (!table) {
    const decoder = new TextDecoder(label);
    return (bytes) => decoder.decode(bytes);
  }
  return (bytes) => {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : table[b - 0x80];
    return out;
  };
}
