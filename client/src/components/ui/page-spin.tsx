import { Flex, Spin } from 'antd';

/** A centred spinner for a page or a lazily loaded route. */
export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
