import { describe, expect, test } from 'vitest';
import { detectLanguage, primaryLanguage } from './language';

describe('detectLanguage', () => {
  test.each([
    ['en', 'The minister said that the two countries have agreed to expand their cooperation in the fight against terrorism.'],
    ['ar', 'استقبل مستشار الأمن القومي العراقي قاسم الأعرجي وفد الصومال وبحث الجانبان سبل تعزيز التعاون الأمني'],
    ['fa', 'دبیر شورای عالی امنیت ملی ایران با رئیس جمهور عراق در بغداد دیدار کرد و درباره همکاری های امنیتی گفتگو کردند'],
    ['fr', 'Le ministre a déclaré que les deux pays ont convenu de renforcer leur coopération dans la lutte contre le terrorisme et pour la sécurité des frontières.'],
    ['so', 'Wasiirka amniga ee dalka iyo dhiggiisa Ciraaq ayaa ka wada hadlay iskaashiga amniga, waxaana uu sheegay in dowladda ay soo dhaweyneyso taageerada kale.'],
    ['ru', 'Министр заявил, что две страны договорились расширить сотрудничество в борьбе с терроризмом.'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toMatchObject({ value: lang, source: 'detected' });
  });

  test('English stays the default for Latin script with a few foreign names', () => {
    expect(detectLanguage('Iraqi Interior Minister Abdul Amir Al-Shammari met his Somali counterpart in Baghdad on Monday.')?.value).toBe('en');
  });

  test('too little text gives no guess', () => {
    expect(detectLanguage('Baghdad 2023')).toBeUndefined();
  });
});

test('primaryLanguage', () => {
  expect(primaryLanguage('en-GB')).toBe('en');
  expect(primaryLanguage('AR')).toBe('ar');
  expect(primaryLanguage('pt_BR')).toBe('pt');
  expect(primaryLanguage('English')).toBeNull();
});
