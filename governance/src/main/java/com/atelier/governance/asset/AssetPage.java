package com.atelier.governance.asset;

import java.util.List;

/** One page of assets and the total that match the query. */
public record AssetPage(List<Asset> items, int page, int size, long total) {
}
