// YouTube's video categories (videoCategories.list, regionCode=US), which snippet.categoryId refers to. The ids are
// global and stable; reports carry the names, so we store the name. Unknown ids leave the category alone.
const CATEGORY_NAMES: Record<string, string> = {
  "1": "Film & Animation",
  "2": "Autos & Vehicles",
  "10": "Music",
  "15": "Pets & Animals",
  "17": "Sports",
  "18": "Short Movies",
  "19": "Travel & Events",
  "20": "Gaming",
  "21": "Videoblogging",
  "22": "People & Blogs",
  "23": "Comedy",
  "24": "Entertainment",
  "25": "News & Politics",
  "26": "Howto & Style",
  "27": "Education",
  "28": "Science & Technology",
  "29": "Nonprofits & Activism",
  "30": "Movies",
  "43": "Shows",
  "44": "Trailers",
};

export function categoryName(categoryId: string | null | undefined): string | undefined {
  return categoryId ? CATEGORY_NAMES[categoryId] : undefined;
}
