package org.linli.points.internal;

import java.util.List;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.PhoneNumber;
import org.linli.volunteering.ConfirmedHours;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.stereotype.Component;

/**
 * 凤凰山's rule (10 points an hour, +20% at weekends, +10% in the evening, a year's validity), the points
 * its volunteers earned from their demo service records, and the ten merchants of the demo district
 * with their offers; their operators are the identity demo's {code}-operator accounts.
 */
@Component
@DemoOnly
class PointsDemoData implements DemoDataSet {

    private record Shop(String code, String name, String kind, String address, List<Merchants.OfferInput> offers,
            List<String> offerCodes) {
    }

    private static final List<Shop> SHOPS = List.of(
            new Shop("fhs-market", "凤凰山惠民超市", "超市", "凤凰山社区北门",
                    List.of(new Merchants.OfferInput("满 30 元减 5 元", 10, null, 4, true),
                            new Merchants.OfferInput("5 斤大米一袋", 50, 40, 1, true),
                            new Merchants.OfferInput("食用油一桶", 80, 20, 1, true)),
                    List.of("five-off", "rice", "oil")),
            new Shop("fhs-fresh", "金马生鲜店", "生鲜", "金马路 12 号",
                    List.of(new Merchants.OfferInput("鸡蛋一盒", 20, 60, 2, true),
                            new Merchants.OfferInput("时令水果一份", 30, 30, 2, true)),
                    List.of("eggs", "fruit")),
            new Shop("fhs-english", "新语英语培训学校", "培训机构", "凤凰山路 8 号 2 楼",
                    List.of(new Merchants.OfferInput("少儿英语体验课一节", 60, 20, 1, true),
                            new Merchants.OfferInput("自然拼读练习册一本", 40, 30, 1, true)),
                    List.of("trial", "workbook")),
            new Shop("fhs-barber", "明亮理发店", "理发", "凤凰山社区南门",
                    List.of(new Merchants.OfferInput("男士理发一次", 40, null, 1, true),
                            new Merchants.OfferInput("长者理发（70 岁以上）", 20, null, 2, true)),
                    List.of("haircut", "elder-haircut")),
            new Shop("fhs-pharmacy", "康健大药房", "药店", "金马路 30 号",
                    List.of(new Merchants.OfferInput("免费测血压血糖", 5, null, 4, true),
                            new Merchants.OfferInput("口罩一盒", 15, 100, 2, true)),
                    List.of("checkup", "masks")),
            new Shop("fhs-bakery", "凤凰面包房", "烘焙", "凤凰山路 21 号",
                    List.of(new Merchants.OfferInput("面包一个", 10, null, 4, true),
                            new Merchants.OfferInput("生日蛋糕减 20 元", 60, 10, 1, true)),
                    List.of("bread", "cake")),
            new Shop("fhs-tea", "老街茶馆", "茶馆", "凤凰山社区东门",
                    List.of(new Merchants.OfferInput("普洱茶一壶", 30, null, 2, true),
                            new Merchants.OfferInput("满 50 减 10", 40, null, 2, true)),
                    List.of("tea", "ten-off")),
            new Shop("fhs-books", "书香书店", "书店", "金马寺路 5 号",
                    List.of(new Merchants.OfferInput("图书 8 折券", 20, null, 2, true),
                            new Merchants.OfferInput("儿童绘本一本", 50, 30, 1, true)),
                    List.of("discount", "picture-book")),
            new Shop("fhs-fruit", "鲜果铺", "水果", "凤凰山路 40 号",
                    List.of(new Merchants.OfferInput("时令水果一斤", 15, null, 4, true),
                            new Merchants.OfferInput("果篮一个", 60, 20, 1, true)),
                    List.of("fruit", "basket")),
            new Shop("fhs-music", "悦音琴行", "音乐培训", "金马路 18 号",
                    List.of(new Merchants.OfferInput("少儿钢琴体验课一节", 60, 20, 1, true),
                            new Merchants.OfferInput("葫芦丝体验课一节", 40, 20, 1, true),
                            new Merchants.OfferInput("乐器保养一次", 30, null, 1, true)),
                    List.of("piano", "hulusi", "care")));

    private final PointsRules rules;
    private final Earning earning;
    private final Merchants merchants;
    private final ConfirmedHours confirmed;
    private final org.linli.identity.AccountDirectory accounts;
    private final Courses courses;
    private final org.linli.activities.ActivityRegistrar activities;

    PointsDemoData(PointsRules rules, Earning earning, Merchants merchants, ConfirmedHours confirmed, Courses courses,
            org.linli.activities.ActivityRegistrar activities, org.linli.identity.AccountDirectory accounts) {
        this.accounts = accounts;
        this.courses = courses;
        this.activities = activities;
        this.rules = rules;
        this.earning = earning;
        this.merchants = merchants;
        this.confirmed = confirmed;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public void load() {
        rules.save("fenghuangshan", 10, 20, 10, 12);
        for (ServiceHoursRecorded record : confirmed.confirmedAt("fenghuangshan")) {
            earning.credit(record);
        }
        for (int i = 0; i < SHOPS.size(); i++) {
            Shop shop = SHOPS.get(i);
            int n = i + 1;
            // the identity demo's operator accounts (username {code}-operator, the demo password) run them
            long operator = accounts.idByUsername(shop.code() + "-operator")
                    .orElseGet(() -> accounts.ensureResident(new PhoneNumber("1380000%04d".formatted(9100 + n)), null));
            Merchants.Merchant m = merchants.register("fenghuangshan", new Merchants.NewMerchant(shop.code(),
                    shop.name(), shop.kind(), shop.address(), null), operator);
            for (int o = 0; o < shop.offers().size(); o++) {
                merchants.saveOffer(m, shop.offerCodes().get(o), shop.offers().get(o));
            }
        }
        // the smartphone class for elders is a community course paid with points
        activities.upcomingAt("fenghuangshan").stream().filter(a -> a.title().startsWith("长者智能手机课")).findFirst()
                .ifPresent(a -> courses.price("fenghuangshan", a.id(), 20, 24));
    }
}
