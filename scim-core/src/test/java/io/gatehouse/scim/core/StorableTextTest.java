package io.gatehouse.scim.core;

import static io.gatehouse.scim.core.schema.TestJson.assertScimError;
import static io.gatehouse.scim.core.schema.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.testsupport.FuzzSettings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What text a request may carry: well-formed UTF-8, and no NUL or unpaired surrogate in any string. */
class StorableTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "41", "c3a9", "e282ac", "ed9fbf", "ee8080", "efbfbf", "f09f9880", "f48fbfbf",
            "7b2261223a2263c3a9227d"})
    void acceptsWellFormedUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(StorableText.isWellFormedUtf8(bytes, bytes.length)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "c0af", "c1bf", "e080af", "f08080af", // overlong forms of "/" and more (Jackson decodes them silently)
            "eda080", "edbfbf", // UTF-8 encoded surrogates
            "f4908080", "f5808080", "f8888080", "ff", "fe", // above U+10FFFF, or never UTF-8
            "80", "bf", "c3", "e282", "f09f98", "c341", "e241ac"}) // stray continuation, cut short, bad continuation
    void refusesMalformedUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(StorableText.isWellFormedUtf8(bytes, bytes.length)).isFalse();
    }

    @Test
    void judgesRandomBytesExactlyAsTheJdksStrictDecoderDoes() {
        FuzzSettings.forAll("StorableTextTest.utf8", r -> {
            byte[] bytes = new byte[r.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (r.nextInt(3) == 0 ? r.nextInt(0x80) : 0x80 + r.nextInt(0x80));
            }
            return HexFormat.of().formatHex(bytes);
        }, hex -> {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertThat(StorableText.isWellFormedUtf8(bytes, bytes.length)).as(hex).isEqualTo(jdkAccepts(bytes));
        });
    }

    @Test
    void aStringIsStorableUnlessItHoldsANulOrAnUnpairedSurrogate() {
        assertThat(StorableText.isStorable("plain")).isTrue();
        assertThat(StorableText.isStorable("smile \ud83d\ude00")).isTrue();
        assertThat(StorableText.isStorable("a\u0000b")).isFalse();
        assertThat(StorableText.isStorable("\ud800")).isFalse();
        assertThat(StorableText.isStorable("x\ud800y")).isFalse();
        assertThat(StorableText.isStorable("\udc00\ud800")).isFalse();
        assertThat(StorableText.isStorable("\ude00")).isFalse();
    }

    @Test
    void aBodyWithAnUnstorableStringAnywhereIsInvalidValueNamingTheAttribute() {
        refusedNaming("{'userName':'\\ud800x'}", "'userName'");
        refusedNaming("{'emails':[{'value':'a\\u0000@b.c'}]}", "'value'");
        refusedNaming("{'x\\udfff':1}", "(a member name)");
        assertThatNoException().isThrownBy(() -> StorableText.requireStorable(json(
                "{'userName':'ok \\ud83d\\ude00','emails':[{'value':'a@b.c','primary':true}],'n':1}")));
    }

    private static void refusedNaming(String body, String attribute) {
        assertScimError(() -> StorableText.requireStorable(json(body)), "invalidValue");
        assertThatThrownBy(() -> StorableText.requireStorable(json(body))).hasMessageContaining(attribute);
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
