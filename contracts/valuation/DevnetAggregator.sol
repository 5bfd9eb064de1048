// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Devnet Chainlink-shaped price feed: AggregatorV3Interface exactly (decimals, description,
///         version, getRoundData, latestRoundData), plus an owner-only updateAnswer that opens a new
///         round stamped with the block time. Round ids start at 1; answeredInRound = roundId.
contract DevnetAggregator {
    struct Round {
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
    }

    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;
    address public immutable owner;
    uint80 public latestRound;
    mapping(uint80 => Round) internal rounds;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);

    error NotOwner();
    error NoDataPresent();

    constructor(uint8 decimals_, string memory description_, int256 initialAnswer) {
        decimals = decimals_;
        description = description_;
        owner = msg.sender;
        _update(initialAnswer);
    }

    function updateAnswer(int256 answer) external {
        if (msg.sender != owner) revert NotOwner();
        _update(answer);
    }

    function _update(int256 answer) internal {
        uint80 id = latestRound + 1;
        latestRound = id;
        rounds[id] = Round(answer, block.timestamp, block.timestamp);
        emit NewRound(id, msg.sender, block.timestamp);
        emit AnswerUpdated(answer, id, block.timestamp);
    }

    function getRoundData(uint80 _roundId)
        public
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round memory r = rounds[_roundId];
        if (r.updatedAt == 0) revert NoDataPresent();
        return (_roundId, r.answer, r.startedAt, r.updatedAt, _roundId);
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(latestRound);
    }
}
