package dev.tower.finance;

import java.util.List;

import org.springframework.data.domain.Page;

/** A page of results with the numbers a client needs to ask for the next one. */
record PageResponse<T>(List<T> content, PageMetadata page) {

	static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(),
				new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
	}

	record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

}
